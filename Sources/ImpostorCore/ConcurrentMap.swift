import Dispatch

extension Array where Element: Sendable {
    /// `map` across every core, results in order: for CPU work such as hashing avatars or scoring.
    /// Elements are handed out `chunk` at a time, so a cheap transform is not drowned in dispatch.
    public func concurrentMap<T: Sendable>(chunk: Int = 1, _ transform: @Sendable (Element) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        defer { slots.release() }
        let size = Swift.max(1, chunk)
        let chunks = (count + size - 1) / size
        self.withUnsafeBufferPointer { elements in
            let input = UnsafeInput(elements)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * size)..<Swift.min(input.buffer.count, (c + 1) * size) {
                    slots.put(transform(input.buffer[i]), at: i)
                }
            }
        }
        return slots.values
    }
}

/// Fixed slots, each written by exactly one iteration of `concurrentPerform`.
///
/// `@unchecked Sendable`: writes go to distinct indices of memory allocated once, and the values are
/// read after `concurrentPerform` returns, which orders every write before the read.
private final class Slots<T>: @unchecked Sendable {
    private let memory: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        memory = .allocate(capacity: count)
        memory.initialize(repeating: nil)
    }

    func put(_ value: T, at index: Int) { memory[index] = value }

    var values: [T] { memory.map { $0! } }

    func release() {
        _ = memory.deinitialize()
        memory.deallocate()
    }
}

/// The input of `concurrentMap`, read by every iteration and never written.
private struct UnsafeInput<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
    init(_ buffer: UnsafeBufferPointer<Element>) { self.buffer = buffer }
}

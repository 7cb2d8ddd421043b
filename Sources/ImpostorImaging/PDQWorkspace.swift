/// Scratch memory for PDQ, kept between pictures. Hashing a 400×400 avatar needs two
/// 640 KB float planes; allocating them afresh each time maps new pages from the kernel and
/// page-faults through them, which cost about a third of the time. One workspace per thread
/// or task (it is deliberately not Sendable).
public final class PDQWorkspace {
    private(set) var luma: UnsafeMutablePointer<Float>
    private(set) var scratch: UnsafeMutablePointer<Float>
    private var lumaCapacity = 0
    private var scratchCapacity = 0

    public init() {
        luma = .allocate(capacity: 1)
        scratch = .allocate(capacity: 1)
    }

    deinit {
        luma.deallocate()
        scratch.deallocate()
    }

    /// Room for a luminance plane of `count` floats.
    func reserve(_ count: Int) {
        guard count > lumaCapacity else { return }
        luma.deallocate()
        luma = .allocate(capacity: count)
        lumaCapacity = count
    }

    /// Room for the filter's second plane.
    func reserveScratch(_ count: Int) {
        guard count > scratchCapacity else { return }
        scratch.deallocate()
        scratch = .allocate(capacity: count)
        scratchCapacity = count
    }
}

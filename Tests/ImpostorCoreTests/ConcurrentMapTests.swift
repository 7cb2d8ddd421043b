import Synchronization
import Testing
import ImpostorCore

@Suite struct ConcurrentMapTests {
    @Test(arguments: [0, 1, 7, 64, 1000])
    func keepsOrderForEveryChunkSize(count: Int) {
        let input = Array(0..<count)
        for chunk in [0, 1, 3, 64, 5000] {
            #expect(input.concurrentMap(chunk: chunk) { $0 * 3 + 1 } == input.map { $0 * 3 + 1 }, "chunk \(chunk)")
        }
    }

    @Test func callsTheTransformOncePerElement() {
        let calls = Atomic<Int>(0)
        let out = Array(repeating: "x", count: 513).concurrentMap(chunk: 10) { s -> String in
            calls.wrappingAdd(1, ordering: .relaxed)
            return s + "y"
        }
        #expect(calls.load(ordering: .relaxed) == 513)
        #expect(out.allSatisfy { $0 == "xy" })
    }
}

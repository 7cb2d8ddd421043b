import Foundation

// Swift's cooperative pool has one thread per core: two on the machines these tests run on. A test
// that blocks one (waiting for a child process, sleeping, reading a pipe) stalls every other test in
// the run, and under load a whole suite waits. Blocking work goes to a thread of its own instead.

/// Runs blocking work on a thread of its own and resumes the calling task when it is done.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Runs blocking work that cannot fail on a thread of its own.
public func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: work()) }.start()
    }
}

extension Process {
    /// Waits until the process has ended, on a thread of its own.
    public func exited() async {
        nonisolated(unsafe) let process = self
        await offPool { process.waitUntilExit() }
    }
}

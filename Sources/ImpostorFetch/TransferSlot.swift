import Synchronization

/// Hands a transfer from the task that creates it to the cancellation handler, which may run first.
final class TransferSlot: Sendable {
    private let state = Mutex<(transfer: CurlTransfer?, cancelled: Bool)>((nil, false))

    func set(_ transfer: CurlTransfer) {
        let cancelled = state.withLock { s in
            s.transfer = transfer
            return s.cancelled
        }
        if cancelled { transfer.cancelled.store(true, ordering: .relaxed) }
    }

    func cancel() {
        let transfer = state.withLock { s in
            s.cancelled = true
            return s.transfer
        }
        transfer?.cancelled.store(true, ordering: .relaxed)
    }
}

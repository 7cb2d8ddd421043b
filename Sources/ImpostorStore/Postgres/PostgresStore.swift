import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The case store on a PostgreSQL server: one database for many councils and many workers. The same
/// contract as the SQLite `Store`; each write is one transaction, and rows one writer changes are
/// locked (`FOR UPDATE`) so two workers meeting the same account take turns.
public final class PostgresStore: CaseStore {
    public let address: PostgresAddress
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger
    /// The worker whose leases this connection's scans run under; its runs are recorded as its own.
    public let worker: String?

    public var location: String { address.description }
    public var casePerCouncil: Bool { true }

    init(address: PostgresAddress, client: PostgresClient, worker: String?, logger: Logger) {
        self.address = address
        self.client = client
        self.worker = worker
        self.logger = logger
        runner = Task { await client.run() }
    }

    deinit { runner.cancel() }

    /// Connects, checks the server answers, and runs the migrations it has not seen.
    public static func open(_ address: PostgresAddress, migrate: Bool = true, worker: String? = nil,
                            logger: Logger = Logger(label: "impostor.store")) async throws(StoreError) -> PostgresStore
    {
        let password = try address.password()
        var config: PostgresClient.Configuration
        if let socket = address.socketPath {
            config = .init(unixSocketPath: socket, username: address.user, password: password, database: address.database)
        } else if case .tcp(let host, let port) = address.endpoint {
            config = .init(host: host, port: port, username: address.user, password: password,
                           database: address.database, tls: tls(address).client)
        } else {
            throw StoreError(.cannotOpen, "the database address \(address) names no server")
        }
        config.options.connectTimeout = .seconds(10)
        config.options.maximumConnections = 8
        let store = PostgresStore(address: address, client: PostgresClient(configuration: config, backgroundLogger: logger),
                                  worker: worker, logger: logger)
        do {
            try await probe(address, password: password, logger: logger)
        } catch {
            store.runner.cancel()
            throw store.failure(error, doing: "connect to the database at \(address)", code: .cannotOpen)
        }
        if migrate { try await store.migrate() }
        return store
    }

    /// One connection, one query, closed: the pool retries a refused login for a minute and then says
    /// only that it gave up, where this says at once what the server said (a wrong password: 28P01).
    static func probe(_ address: PostgresAddress, password: String?, logger: Logger) async throws {
        var config: PostgresConnection.Configuration
        if let socket = address.socketPath {
            config = .init(unixSocketPath: socket, username: address.user, password: password, database: address.database)
        } else if case .tcp(let host, let port) = address.endpoint {
            let tls: PostgresConnection.Configuration.TLS = switch Self.tls(address) {
            case .disable: .disable
            case .prefer(let c): .prefer(try NIOSSLContext(configuration: c))
            case .require(let c): .require(try NIOSSLContext(configuration: c))
            }
            config = .init(host: host, port: port, username: address.user, password: password, database: address.database,
                           tls: tls)
        } else {
            return
        }
        config.options.connectTimeout = .seconds(10)
        let conn = try await PostgresConnection.connect(configuration: config, id: 0, logger: logger)
        defer { Task { try? await conn.close() } }
        try await conn.query("SELECT 1", logger: logger)
    }

    /// How the address asks for TLS, as one value both the pool and the probe turn into theirs.
    enum TLSChoice {
        case disable
        case prefer(TLSConfiguration)
        case require(TLSConfiguration)

        var client: PostgresClient.Configuration.TLS {
            switch self {
            case .disable: .disable
            case .prefer(let c): .prefer(c)
            case .require(let c): .require(c)
            }
        }
    }

    static func tls(_ address: PostgresAddress) -> TLSChoice {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let root = address.rootCertificate { tls.trustRoots = .file(root) }
        switch address.tls {
        case .disable: return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(tls)
        }
    }

    /// Ends the connections. The store is unusable afterwards.
    public func close() async {
        runner.cancel()
        _ = await runner.value
    }

    // MARK: queries

    /// Runs `body` in one transaction on one connection. Two workers whose transactions deadlock or
    /// collide (SQLSTATE 40P01, 40001) are told so by the server, which rolls one back whole: that one is
    /// run again, a few times, after a short random pause.
    func write<T: Sendable>(_ what: String, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        var attempt = 0
        while true {
            let failed: StoreError
            do {
                return try await client.withTransaction(logger: logger) { conn in try await body(conn) }
            } catch let error as StoreError {
                throw error
            } catch let error as PostgresTransactionError {
                if let inner = error.closureError as? StoreError { throw inner }
                failed = failure(error.closureError ?? error.beginError ?? error.commitError ?? error, doing: what)
            } catch {
                failed = failure(error, doing: what)
            }
            attempt += 1
            guard failed.code == .busy, attempt < 4 else { throw failed }
            logger.info("store.retry", metadata: ["doing": "\(what)", "attempt": "\(attempt)"])
            try? await Task.sleep(for: .milliseconds(Int64.random(in: 20...100) * Int64(attempt)))
        }
    }

    /// Runs `body` on one connection, outside a transaction (each statement its own).
    func read<T: Sendable>(_ what: String, _ body: (PostgresConnection) async throws -> T) async throws(StoreError) -> T {
        do {
            return try await client.withConnection { conn in try await body(conn) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw failure(error, doing: what)
        }
    }

    /// A store error from a driver's: the server's message and SQLSTATE, never the query's values.
    func failure(_ error: any Error, doing what: String, code: StoreError.Code = .database) -> StoreError {
        guard let psql = error as? PSQLError else { return StoreError(code, "could not \(what): \(error)") }
        if let info = psql.serverInfo {
            let state = info[.sqlState] ?? ""
            let message = info[.message] ?? "an error"
            // 40001/40P01: serialization failure and deadlock; the caller may try again.
            let busy = state == "40001" || state == "40P01" || state == "55P03"
            return StoreError(busy ? .busy : code, "could not \(what): the server said \(message) (SQLSTATE \(state))")
        }
        let cause = psql.underlying.map { " (\($0))" } ?? ""
        return StoreError(code, "could not \(what): \(psql.code)\(cause)")
    }
}

/// A row read by column name.
struct PGRow {
    let row: PostgresRandomAccessRow

    init(_ row: PostgresRow) { self.row = row.makeRandomAccess() }

    subscript<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) -> T {
        get throws { try row[column].decode(T.self, context: .default) }
    }

    func get<T: PostgresDecodable>(_ column: String) throws -> T { try row[column].decode(T.self, context: .default) }
}

extension PostgresConnection {
    func rows(_ query: PostgresQuery, logger: Logger) async throws -> [PGRow] {
        var out: [PGRow] = []
        for try await row in try await self.query(query, logger: logger) { out.append(PGRow(row)) }
        return out
    }

    func one(_ query: PostgresQuery, logger: Logger) async throws -> PGRow? {
        try await rows(query, logger: logger).first
    }

    func run(_ query: PostgresQuery, logger: Logger) async throws {
        try await self.query(query, logger: logger)
    }
}

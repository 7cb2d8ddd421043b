// imaging-bench: measurement and speed harness for ImpostorImaging (see measure.py, RESULTS.md).
//
//   imaging-bench hash FILE…                       PDQ hex and quality per file
//   imaging-bench match LOGOS.tsv AVATARS.tsv      per avatar: distance to its own logo and the
//                                                  nearest other logos (index min-distance rule)
//   imaging-bench speed THREADS SECONDS FILE…      decode + hash throughput
import Dispatch
import ImpostorCore
import ImpostorImaging

#if canImport(Glibc)
import Glibc
#endif

func lines(_ path: String) -> [[String]] {
    let bytes = (try? ImageDecoder(limits: .init(maxBytes: 1 << 30)).readFile(path)) ?? []
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map {
        $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let args = CommandLine.arguments
switch args.count > 1 ? args[1] : "" {
case "hash":
    for path in args.dropFirst(2) {
        do {
            let r = PDQ.hash(try ImageDecoder().decode(contentsOf: path))
            print("\(path)\t\(r.hash.hex)\t\(r.quality)")
        } catch {
            print("\(path)\tERROR\t\(error.reason)")
        }
    }
case "match":
    let logos = lines(args[2]).map { (identity: $0[0], logo: $0[0], path: $0[1]) }
    let start = now()
    let index = try LogoIndex(logos: logos)
    let enrolled = now() - start
    var stderr = FileHandleStderr()
    print(
        "enrolled \(logos.count) logos, \(index.references.count) references, \(index.flatLogos.count) flat, "
            + "in \(enrolled) s", to: &stderr)
    let avatars = lines(args[3])
    let watch = now()
    for row in avatars {
        let (id, transform, path) = (row[0], row[1], row[2])
        guard let hashes = try? AvatarHashes(contentsOf: path) else {
            print("\(transform)\t\(id)\tERROR")
            continue
        }
        let found = index.matches(avatar: hashes, threshold: 48)
        let own = found.first { $0.identity == id }
        let others = found.filter { $0.identity != id }.map { "\($0.identity):\($0.distance)" }
        print(
            "\(transform)\t\(id)\t\(own?.distance ?? 999)\t\(own?.variant ?? "-")\t\(hashes.isUseful ? 1 : 0)\t"
                + others.joined(separator: ","))
    }
    print("matched \(avatars.count) avatars in \(now() - watch) s", to: &stderr)
case "speed":
    let threads = Int(args[2])!
    let seconds = Double(args[3])!
    let files = Array(args.dropFirst(4))
    let data = files.map { try! ImageDecoder().readFile($0) }
    let counts = Counts(threads)
    let start = now()
    DispatchQueue.concurrentPerform(iterations: threads) { t in
        var n = 0
        var sink = 0
        let workspace = PDQWorkspace()
        while now() - start < seconds {
            for bytes in data {
                let image = try! ImageDecoder().decode(bytes)
                sink &+= PDQ.hash(image, workspace: workspace).quality
                n += 1
            }
        }
        counts.slots[t] = n + (sink == -1 ? 1 : 0)
    }
    let elapsed = now() - start
    let total = counts.slots.reduce(0, +)
    print("threads=\(threads) images=\(total) seconds=\(elapsed) per_second=\(Double(total) / elapsed)")
default:
    print("usage: imaging-bench hash FILE… | match LOGOS.tsv AVATARS.tsv | speed THREADS SECONDS FILE…")
    exit(2)
}

struct FileHandleStderr: TextOutputStream {
    mutating func write(_ string: String) { _ = string.withCString { Glibc.write(2, $0, strlen($0)) } }
}

/// One counter per worker thread.
final class Counts: @unchecked Sendable {
    // Safe: each thread writes only its own slot, and the slots are read after
    // concurrentPerform has returned, which orders those writes before the read.
    let slots: UnsafeMutableBufferPointer<Int>
    init(_ n: Int) {
        slots = .allocate(capacity: n)
        slots.initialize(repeating: 0)
    }
}

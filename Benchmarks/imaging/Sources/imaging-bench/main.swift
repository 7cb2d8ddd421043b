// imaging-bench: measurement and speed harness for ImpostorImaging (see measure.py, RESULTS.md).
//
//   imaging-bench hash FILE…                       PDQ hex and quality per file
//   imaging-bench match LOGOS.tsv AVATARS.tsv      per avatar: distance to its own logo and the
//                                                  nearest other logos (index min-distance rule)
//   imaging-bench speed THREADS SECONDS FILE…      decode + hash throughput
//   imaging-bench parts SECONDS FILE…              decode, PDQ, both, and all avatar forms, ms each
//   imaging-bench oracle LOGOS AVATARS T X Y W H   like match, for transform T cropped to a known box
//   imaging-bench debug LOGO AVATAR [X Y W H]      each avatar form's nearest reference of one logo
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
case "oracle":
    // imaging-bench oracle LOGOS.tsv AVATARS.tsv TRANSFORM X Y W H: matching when the avatar's box is known.
    let logos = lines(args[2]).map { (identity: $0[0], logo: $0[0], path: $0[1]) }
    let index = try LogoIndex(logos: logos)
    let box = Image.Rect(x: Int(args[5])!, y: Int(args[6])!, width: Int(args[7])!, height: Int(args[8])!)
    for row in lines(args[3]) where row[1] == args[4] {
        let image = try ImageDecoder().decode(contentsOf: row[2]).cropped(to: box)
        let hashes = AvatarHashes(image)
        let found = index.matches(avatar: hashes, threshold: 48)
        let own = found.first { $0.identity == row[0] }
        let others = found.filter { $0.identity != row[0] }.map { "\($0.identity):\($0.distance)" }
        print("\(row[1])\t\(row[0])\t\(own?.distance ?? 999)\t\(own?.variant ?? "-")\t\(hashes.isUseful ? 1 : 0)\t" + others.joined(separator: ","))
    }
case "parts":
    // imaging-bench parts SECONDS FILE…: decode alone, PDQ alone, and AvatarHashes (every avatar form), one thread.
    let seconds = Double(args[2])!
    let data = args.dropFirst(3).map { try! ImageDecoder().readFile($0) }
    let images = data.map { try! ImageDecoder().decode($0) }
    func loop(_ name: String, _ body: (Int) -> Int) {
        var n = 0
        var sink = 0
        let start = now()
        while now() - start < seconds {
            for i in 0..<data.count {
                sink &+= body(i)
                n += 1
            }
        }
        let elapsed = now() - start
        print("\(name)\tper_second=\(Double(n) / elapsed)\tms=\(1000 * elapsed / Double(n))\t\(sink == -1 ? "!" : "")")
    }
    let workspace = PDQWorkspace()
    loop("decode") { try! ImageDecoder().decode(data[$0]).width }
    loop("pdq") { PDQ.hash(images[$0], workspace: workspace).quality }
    loop("decode+pdq") { PDQ.hash(try! ImageDecoder().decode(data[$0]), workspace: workspace).quality }
    loop("avatar-forms") { AvatarHashes(images[$0]).forms.count }
case "debug":
    // imaging-bench debug LOGO AVATAR: every avatar form against every reference form of one logo.
    let logo = try ImageDecoder().decode(contentsOf: args[2])
    var avatar = try ImageDecoder().decode(contentsOf: args[3])
    if args.count >= 8 {
        avatar = avatar.cropped(to: .init(x: Int(args[4])!, y: Int(args[5])!, width: Int(args[6])!, height: Int(args[7])!))
    }
    var index = LogoIndex()
    index.add(identity: "x", logo: "x", image: logo)
    print("regions: \(avatar.squarishRegions())")
    for form in AvatarHashes(avatar).forms {
        let best = index.references.filter { $0.kind == form.kind }
            .map { ($0.hash.distance(to: form.hash.hash), $0.variant) }.min { $0.0 < $1.0 }
        print("\(form.name)\tq=\(form.hash.quality)\tbest=\(best?.0 ?? -1) \(best?.1 ?? "")")
    }
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

#if canImport(Glibc)
import Glibc
#endif

#if FUZZING
/// libFuzzer's callback, in a build with `-sanitize=fuzzer` (scripts/fuzz).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let target = FuzzTarget.selected else {
        print("set IMPOSTOR_FUZZ_TARGET to one of: \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", "))")
        exit(2)
    }
    target.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// SwiftPM links an executable's entry point under this name, so libFuzzer's own `main` is never
/// used: hand the command line to its driver instead.
@_cdecl("impostor_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOne)
}
#else
/// Without the fuzzer: runs each file named on the command line through the target, to replay a
/// crash or a corpus on an ordinary build.
@main struct Replay {
    static func main() {
        guard let target = FuzzTarget.selected else {
            print("usage: IMPOSTOR_FUZZ_TARGET=<\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))> impostor-fuzz FILE...")
            exit(2)
        }
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else {
                print("cannot open \(path)")
                exit(1)
            }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n <= 0 { break }
                bytes += buffer[0..<n]
            }
            fclose(file)
            target.run(bytes)
            print("\(target.rawValue) \(path): ok")
        }
    }
}
#endif

import ArgumentParser
import ImpostorCommands

/// The whole program lives in ImpostorCommands; this only starts it.
@main
enum Entry {
    static func main() async {
        // Inside an async function the asynchronous entry point of AsyncParsableCommand is chosen.
        await Impostor.main()
    }
}

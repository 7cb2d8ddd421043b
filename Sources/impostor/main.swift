import ImpostorCommands

await Impostor.main()

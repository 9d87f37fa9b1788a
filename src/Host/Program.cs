using NumaActors.Host.Cli;

return await NumaActorsCommandLine.RunAsync(args, Console.Out, Console.Error);

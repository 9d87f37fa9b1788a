return NumaActors.Host.Cli.Run(args);

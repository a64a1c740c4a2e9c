using Reflexes.Matching.Bench;

// reflexes matching benchmark:
//   dotnet run -c Release --project bench/Reflexes.Matching.Bench -- [--sizes S,M,L] [--seed 42] [--work DIR]
// The "engine" mode is the engine alone, end to end, run as a child process so its peak memory is its own.
return args.Length > 0 && args[0] == "engine"
    ? EngineRun.Run(args[1..])
    : await Harness.MainAsync(args);

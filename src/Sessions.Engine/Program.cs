using System;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Hosting;

namespace Sessions.Engine;

/// <summary><c>dotnet run --project src/Sessions.Engine</c>: the engine on its own, until Ctrl+C.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // ASP.NET Core's conventions without its host: ASPNETCORE_URLS, then plain environment, then the command line.
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();

        LocalEngineOptions options;
        try
        {
            options = StandaloneOptions.From(configuration);
        }
        catch (FormatException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message).ConfigureAwait(false);
            return 2;
        }

        using var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddSimpleConsole(console => console.SingleLine = true));
        options.LoggerFactory = loggerFactory;

        var stop = new TaskCompletionSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal => { signal.Cancel = true; stop.TrySetResult(); });
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.TrySetResult(); });

        var engine = await LocalEngine.StartAsync(options).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            Console.WriteLine("Sessions.Engine is listening on " + engine.BaseAddress);
            Console.WriteLine("  WebSocket: " + engine.WebSocketAddress);
            Console.WriteLine("  History:   GET " + engine.BaseAddress + global::Sessions.Protocol.ProtocolFacts.HistoryPathTemplate + "[?" + global::Sessions.Protocol.ProtocolFacts.AfterSeqParameter + "=N]");
            Console.WriteLine(engine.ApiKeyGenerated
                ? "  API key:   " + engine.ApiKey + "  (a development key made up for this run; set Engine:ApiKeys:0 to choose one)"
                : "  API key:   configured (" + options.ApiKeys.Count + (options.ApiKeys.Count == 1 ? " key)" : " keys)"));
            Console.WriteLine("Press Ctrl+C to stop.");
            await stop.Task.ConfigureAwait(false);
            Console.WriteLine("Stopping.");
        }

        return 0;
    }
}

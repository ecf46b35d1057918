using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Sessions.Engine;

namespace Sessions.Benchmarks.Files;

/// <summary>
/// The server side of goal 9, in a child process so that its heap is measured alone: the local engine (fold window 0)
/// and the baseline, a bare Kestrel endpoint that drains a POST body and answers 201. Prints
/// <c>READY &lt;engine&gt; &lt;api key&gt; &lt;drain&gt;</c>, then answers stdin: <c>mark</c> (take the idle heap) with
/// <c>MARKED</c>, <c>peak</c> with <c>PEAK &lt;bytes above idle&gt; &lt;bytes allocated&gt;</c>; <c>quit</c> or end of input stops it.
/// </summary>
public static class FileServerHost
{
    public const string Argument = "--serve-files";
    public const string ApiKey = "bench-files-key-0123456789";

    public static async Task<int> RunAsync()
    {
        var options = new LocalEngineOptions { FoldWindow = TimeSpan.Zero, Urls = "http://127.0.0.1:0" };
        options.ApiKeys.Add(ApiKey);
        var engine = await LocalEngine.StartAsync(options).ConfigureAwait(false);
        await using (engine.ConfigureAwait(false))
        {
            var drain = await StartDrainAsync().ConfigureAwait(false);
            await using (drain.ConfigureAwait(false))
            {
                using var sampler = new HeapSampler();
                var drainAddress = new UriBuilder(drain.Urls.First()) { Path = "drain" }.Uri;
                Console.WriteLine($"READY {engine.BaseAddress} {engine.ApiKey} {drainAddress}");
                Console.Out.Flush();
                while (Console.In.ReadLine() is { } line && line != "quit")
                {
                    switch (line)
                    {
                        case "mark":
                            sampler.Mark();
                            Console.WriteLine("MARKED");
                            break;
                        case "peak":
                            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PEAK {sampler.PeakAboveIdle} {sampler.AllocatedSinceMark}"));
                            break;
                    }

                    Console.Out.Flush();
                }

                await drain.StopAsync().ConfigureAwait(false);
            }
        }

        return 0;
    }

    /// <summary>What a user would write without the library: read the body to its end, keep nothing.</summary>
    private static async Task<WebApplication> StartDrainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/drain", async (HttpContext context) =>
        {
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            var reader = context.Request.BodyReader;
            while (true)
            {
                var read = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    break;
                }
            }

            context.Response.StatusCode = StatusCodes.Status201Created;
        });
        await app.StartAsync().ConfigureAwait(false);
        return app;
    }
}

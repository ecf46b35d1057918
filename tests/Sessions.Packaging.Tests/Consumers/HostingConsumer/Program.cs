// One turn through a SessionClient from a container, configured from the "Sessions" section, using only the
// Sessions.Hosting package (Sessions.Runtime comes with it). The engine is named by VECTORSHIFT_BASE_URL and VECTORSHIFT_API_KEY.
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sessions;

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Sessions:BaseAddress"] = Environment.GetEnvironmentVariable("VECTORSHIFT_BASE_URL"),
        ["Sessions:ApiKey"] = Environment.GetEnvironmentVariable("VECTORSHIFT_API_KEY"),
        ["Sessions:RequestTimeout"] = "00:00:20",
    })
    .Build();

var services = new ServiceCollection();
services.AddSessionClient(configuration.GetSection("Sessions"));
await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

var client = provider.GetRequiredService<SessionClient>();
var result = await client.Agent("hosting-consumer").RunAsync("hello from a host");
Console.WriteLine($"final: {result.Status}: {result.FinalMessage}");
return result.Status == SessionMessageStatus.Complete ? 0 : 2;

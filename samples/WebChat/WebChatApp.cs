using Sessions.Engine;

namespace WebChat;

/// <summary>
/// The web application and, when no engine is configured, the local engine it starts in-process. A type of its own so
/// that the browser test runs the very same application on a free port.
/// </summary>
internal sealed class WebChatApp : IAsyncDisposable
{
    private WebChatApp(WebApplication web, LocalEngine? engine)
    {
        Web = web;
        Engine = engine;
    }

    public WebApplication Web { get; }

    /// <summary>The in-process engine, when <c>Sessions:BaseAddress</c> was not configured.</summary>
    public LocalEngine? Engine { get; }

    public static async Task<WebChatApp> CreateAsync(WebApplicationOptions options)
    {
        var builder = WebApplication.CreateBuilder(options);
        var engine = builder.Configuration["Sessions:BaseAddress"] is { Length: > 0 } ? null : await LocalEngine.StartAsync();
        if (engine is not null)
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Sessions:BaseAddress"] = engine.BaseAddress.ToString(),
                ["Sessions:ApiKey"] = engine.ApiKey,
            });
        }

        // The session client from DI: options from the "Sessions" section, validated at start-up; its engine's health at /healthz.
        builder.Services.AddSessionClient(builder.Configuration.GetSection(SessionClientServiceCollectionExtensions.DefaultSectionName));
        builder.Services.AddHealthChecks().AddSessionClient();
        builder.Services.AddSingleton<ChatRegistry>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, WebChatJson.Default));

        var web = builder.Build();
        web.UseDefaultFiles();
        web.UseStaticFiles();
        web.MapChat();
        web.MapHealthChecks("/healthz");
        return new WebChatApp(web, engine);
    }

    public async ValueTask DisposeAsync()
    {
        await Web.DisposeAsync();
        if (Engine is not null)
        {
            await Engine.DisposeAsync();
        }
    }
}

using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sessions.Engine.Transport;

namespace Sessions.Engine.Hosting;

/// <summary>
/// Builds the ASP.NET Core application: Kestrel, WebSockets and the two endpoints, and nothing else. The empty builder
/// reads no appsettings and no environment, so an engine started in-process does only what its options say.
/// </summary>
internal static class EngineApplication
{
    public static WebApplication Build(EngineState engine, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(LocalEngine).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.WebHost.UseUrls(engine.Options.Urls);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = engine.Options.ShutdownTimeout);

        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.Map(SessionSocketEndpoint.Path, new SessionSocketEndpoint(engine).HandleAsync);
        app.MapGet(HistoryEndpoint.Pattern, new HistoryEndpoint(engine).HandleAsync);
        app.MapPost(Uploads.FileUploadEndpoint.Pattern, new Uploads.FileUploadEndpoint(engine).HandleAsync);
        app.MapGet(Uploads.FileDownloadEndpoint.Pattern, new Uploads.FileDownloadEndpoint(engine).HandleAsync);
        return app;
    }
}

using WebChat;

// A browser chat over the session library, taken from dependency injection. With no Sessions:BaseAddress configured it
// starts the local engine in this process (development); otherwise it talks to the configured engine:
//   dotnet run --project samples/WebChat
//   Sessions__BaseAddress=https://engine.example Sessions__ApiKey=... dotnet run --project samples/WebChat
await using var app = await WebChatApp.CreateAsync(new WebApplicationOptions { Args = args });
await app.Web.RunAsync();

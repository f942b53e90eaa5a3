using Tsunagari.Data;
using Tsunagari.Features;
using Tsunagari.Platform;

var command = Command.Parse(args);
if (command.Verb == Command.Help)
{
    Console.WriteLine(Command.Usage);
    return 0;
}

var builder = WebApplication.CreateBuilder(command.HostArgs);
builder.AddPlatform();
builder.AddData();
builder.AddFeatures();

var app = builder.Build();
if (command.Verb is not null)
    return await command.RunAsync(app);

app.UsePlatform();
app.MapFeatures();
await app.PrepareDatabaseAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to the test host (WebApplicationFactory) and to the browser tests.</summary>
public partial class Program;

using Reflexes.Web.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddReflexesWeb();

var app = builder.Build();
app.UseReflexesWeb();
await app.InitialiseDatabaseAsync();
await app.RunAsync();

/// <summary>The web application's entry point (public for the integration tests' host factory).</summary>
public partial class Program;

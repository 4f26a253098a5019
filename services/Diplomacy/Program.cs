using Coordination.Diplomacy;
using Coordination.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddDiplomacyService();
var app = builder.Build();
app.MapDiplomacyService();
return await app.RunServiceAsync(args);

using Coordination.Hosting;
using Coordination.Personnel;

var builder = WebApplication.CreateBuilder(args);
builder.AddPersonnelService();
var app = builder.Build();
app.MapPersonnelService();
return await app.RunServiceAsync(args);

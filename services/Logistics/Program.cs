using Coordination.Hosting;
using Coordination.Logistics;

var builder = WebApplication.CreateBuilder(args);
builder.AddLogisticsService();
var app = builder.Build();
app.MapLogisticsService();
return await app.RunServiceAsync(args);

using Coordination.Finance;
using Coordination.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddFinanceService();
var app = builder.Build();
app.MapFinanceService();
return await app.RunServiceAsync(args);

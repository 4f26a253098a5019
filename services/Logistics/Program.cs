using Coordination.Logistics;
using Coordination.Hosting;

return await LogisticsService.Module.RunServiceAsync(args);

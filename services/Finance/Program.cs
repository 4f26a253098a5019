using Coordination.Finance;
using Coordination.Hosting;

return await FinanceService.Module.RunServiceAsync(args);

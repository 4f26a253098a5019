using Coordination.Diplomacy;
using Coordination.Hosting;

return await DiplomacyService.Module.RunServiceAsync(args);

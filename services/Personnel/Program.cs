using Coordination.Personnel;
using Coordination.Hosting;

return await PersonnelService.Module.RunServiceAsync(args);

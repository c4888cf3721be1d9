using Vms.Server.Features.Account;
using Vms.Server.Features.Audit;
using Vms.Server.Features.Calls;
using Vms.Server.Features.Customers;
using Vms.Server.Features.Health;
using Vms.Server.Features.Numbers;
using Vms.Server.Features.Orders;
using Vms.Server.Features.Portal;
using Vms.Server.Features.Routing;
using Vms.Server.Features.Users;
using Vms.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.AddVmsHosting();
builder.AddVmsData();
builder.AddAccount();
builder.AddAudit();
builder.AddCustomers();
builder.AddNumbers();
builder.AddOrders();
builder.AddUsers();
builder.AddPortal();
builder.AddRoutingManagement();
builder.AddCalls();

var app = builder.Build();

await app.InitialiseDatabaseAsync();
app.UseVmsPipeline();

app.MapHealthApi();
app.MapAccountApi();
app.MapCustomersApi();
app.MapNumbersApi();
app.MapOrdersApi();
app.MapUsersApi();
app.MapAuditApi();
app.MapRoutingApi();
app.MapCallsApi();
app.MapApiDocs();
app.MapPortal();

await app.RunAsync();

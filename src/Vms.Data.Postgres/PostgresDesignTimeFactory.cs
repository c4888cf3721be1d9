using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vms.Data.Postgres;

/// <summary>Lets `dotnet ef migrations add` build the model for PostgreSQL (no connection is opened).</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<VmsDbContext>
{
    public VmsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<VmsDbContext>();
        builder.UseVmsPostgres("Host=localhost;Database=vms");
        return new VmsDbContext(builder.Options);
    }
}

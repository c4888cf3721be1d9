using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Vms.Data.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model for SQLite.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<VmsDbContext>
{
    public VmsDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<VmsDbContext>();
        builder.UseVmsSqlite("Data Source=design-time.db");
        return new VmsDbContext(builder.Options);
    }
}

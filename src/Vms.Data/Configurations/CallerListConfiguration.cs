using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Routing;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class CallerListConfiguration : IEntityTypeConfiguration<CallerList>
{
    public void Configure(EntityTypeBuilder<CallerList> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId);
        builder.Property(l => l.Name).HasMaxLength(200);
    }
}

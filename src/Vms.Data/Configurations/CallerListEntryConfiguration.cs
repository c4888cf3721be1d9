using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Routing;

namespace Vms.Data.Configurations;

internal sealed class CallerListEntryConfiguration : IEntityTypeConfiguration<CallerListEntry>
{
    public void Configure(EntityTypeBuilder<CallerListEntry> builder)
    {
        builder.HasOne(e => e.List).WithMany().HasForeignKey(e => e.ListId);
        builder.Property(e => e.Value).HasMaxLength(32);
    }
}

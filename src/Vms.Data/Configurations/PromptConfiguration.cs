using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Routing;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class PromptConfiguration : IEntityTypeConfiguration<Prompt>
{
    public void Configure(EntityTypeBuilder<Prompt> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.StoragePath).HasMaxLength(400);
    }
}

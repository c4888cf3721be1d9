using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class RelatedEntityConfiguration : IEntityTypeConfiguration<RelatedEntity>
{
    public void Configure(EntityTypeBuilder<RelatedEntity> builder)
    {
        builder.HasOne<Customer>().WithMany().HasForeignKey(e => e.CustomerId);
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.CompanyNumber).HasMaxLength(20);
        builder.Property(e => e.Proof).HasMaxLength(400);
    }
}

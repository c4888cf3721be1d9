using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vms.Data.Tenancy;

namespace Vms.Data.Configurations;

internal sealed class ServiceNumberConfiguration : IEntityTypeConfiguration<ServiceNumber>
{
    public void Configure(EntityTypeBuilder<ServiceNumber> builder)
    {
        builder.ToTable("Numbers");
        builder.HasOne<Customer>().WithMany().HasForeignKey(n => n.CustomerId);
        builder.HasOne<RelatedEntity>().WithMany().HasForeignKey(n => n.RelatedEntityId);
        builder.Property(n => n.E164).HasMaxLength(16);
        builder.Property(n => n.ActiveE164).HasMaxLength(16);
        builder.Property(n => n.CnipConsentBy).HasMaxLength(200);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(n => n.ActiveE164).IsUnique();
        builder.HasIndex(n => n.E164);
    }
}

using Reflexes.Web.Modules.Reserve.Domain;

namespace Reflexes.Web.Modules.Reserve.Catalogue;

/// <summary>What a visitor narrows the catalogue to; every part is optional.</summary>
public sealed record CatalogueFilter(string? Skill, Guid? NeighbourhoodId, DateOnly? Date, MissionPriority? Priority);

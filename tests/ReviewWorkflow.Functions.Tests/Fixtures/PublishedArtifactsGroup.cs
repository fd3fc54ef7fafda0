namespace ReviewWorkflow.Functions.Tests.Fixtures;

/// <summary>One publish for every test class that reads the published folders.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedArtifactsGroup : ICollectionFixture<PublishedArtifacts>
{
    public const string Name = "published artifacts";
}

namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>Which storage service a pipeline talks to; decides the signing scheme and API version.</summary>
internal enum StorageService
{
    Table,
    Queue,
}

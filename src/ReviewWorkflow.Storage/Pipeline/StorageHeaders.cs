namespace ReviewWorkflow.Storage.Pipeline;

/// <summary>Header names and protocol constants shared by the Table and Queue clients.</summary>
internal static class StorageHeaders
{
    public const string Version = "x-ms-version";
    public const string Date = "x-ms-date";
    public const string ErrorCode = "x-ms-error-code";
    public const string Authorization = "Authorization";
    public const string ContentType = "Content-Type";
    public const string Accept = "Accept";
    public const string IfMatch = "If-Match";
    public const string ETag = "ETag";
    public const string Prefer = "Prefer";
    public const string DataServiceVersion = "DataServiceVersion";
    public const string MaxDataServiceVersion = "MaxDataServiceVersion";
    public const string NextPartitionKey = "x-ms-continuation-NextPartitionKey";
    public const string NextRowKey = "x-ms-continuation-NextRowKey";
    public const string PopReceipt = "x-ms-popreceipt";
    public const string TimeNextVisible = "x-ms-time-next-visible";
    public const string ApproximateMessagesCount = "x-ms-approximate-messages-count";

    /// <summary>Table API version: understood by Azurite 3.x and the service; JSON payloads need 2013-08-15 or later.</summary>
    public const string TableVersion = "2019-02-02";

    /// <summary>Queue API version: messagettl=-1 needs 2017-07-29 or later.</summary>
    public const string QueueVersion = "2019-02-02";

    public const string DataServiceVersionValue = "3.0;NetFx";
    public const string JsonMinimalMetadata = "application/json;odata=minimalmetadata";
    public const string JsonNoMetadata = "application/json;odata=nometadata";
    public const string ReturnNoContent = "return-no-content";
}

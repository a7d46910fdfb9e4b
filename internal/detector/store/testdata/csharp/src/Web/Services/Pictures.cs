using Microsoft.WindowsAzure.Storage; // want: store azure-blob Azure Blob container
using Microsoft.WindowsAzure.Storage.Blob;

namespace Web.Services;

public class Pictures
{
    private readonly string _account;

    public Pictures(string account) => _account = account;

    public async Task<string> Save(Stream image, string name)
    {
        var container = CloudStorageAccount.Parse(_account).CreateCloudBlobClient().GetContainerReference("pictures");
        var blob = container.GetBlockBlobReference(name);
        await blob.UploadFromStreamAsync(image);
        return blob.Uri.ToString();
    }
}

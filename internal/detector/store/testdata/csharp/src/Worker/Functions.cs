using Microsoft.Azure.WebJobs;

namespace Worker;

public static class Functions
{
    public static void SendMail([QueueTrigger("outgoing-mail")] string message, TextWriter log) // want: store azure-queue Azure Queue Storage
    {
        log.WriteLine(message);
    }
}

using System.Diagnostics;

namespace Shopfront.Services
{
    public interface IArchiveService
    {
        void Pack(string name);
    }

    public class ArchiveService : IArchiveService
    {
        public void Pack(string name)
        {
            Process.Start("/bin/sh", "-c \"tar czf exports/out.tgz " + name + "\""); // want: command-injection via=query
        }

        public void Rotate(string folder)
        {
            // Nothing the scan knows calls this: only its parameter reaches the sink.
            Process.Start("/bin/sh", "-c \"rm -rf " + folder + "\""); // want: command-injection reach=none
        }
    }
}

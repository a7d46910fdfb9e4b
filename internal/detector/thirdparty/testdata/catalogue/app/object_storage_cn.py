"""Object storage at the Chinese clouds, by module."""
import oss2
import alibabacloud_oss_v2
from qcloud_cos import CosConfig
import ks3
import qiniu
import upyun

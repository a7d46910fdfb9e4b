from vision import Network
from vision.inputs import InputField


class FaceTagger(Network):
    """A neural network whose inputs look like columns: no asset."""

    email = InputField("email")
    full_name = InputField("name")

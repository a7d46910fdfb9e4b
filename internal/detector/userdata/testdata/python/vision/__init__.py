import keras

# A network base named Model, in a file that imports no ORM: no model base.
Network = keras.Model

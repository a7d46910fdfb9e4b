// Socket.IO on a custom path: every event a client may send is a surface.
const http = require('http');
const { Server } = require('socket.io');
const { saveMessage, deleteRoom } = require('./store');

const server = http.createServer();
const io = new Server(server, { path: '/realtime', cors: { origin: '*' } });

io.on('connection', (socket) => {
  socket.on('message:send', async (msg) => { // want: GET /realtime#message:send
    await saveMessage(socket.id, msg);
    io.emit('message:new', msg);
  });
  socket.on('room:delete', function (room) { // want: GET /realtime#room:delete
    if (!socket.data.user) return socket.disconnect();
    deleteRoom(room);
  });
  socket.on('disconnect', () => {});
  // The client's events are emitted, not handled: none of these count.
  socket.emit('welcome', { id: socket.id });
});

server.listen(3000);

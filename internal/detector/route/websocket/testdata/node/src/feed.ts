// A bare ws server: its one handler reads every message.
import { WebSocketServer } from 'ws';

const wss = new WebSocketServer({ port: 8081, path: '/feed' });

wss.on('connection', (ws) => {
  ws.on('message', (data) => { // want: GET /feed#message
    ws.send(data.toString().toUpperCase());
  });
});

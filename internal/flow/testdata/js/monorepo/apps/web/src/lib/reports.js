import { exec } from 'child_process';

export function runReport(name, done) {
  exec('report --name ' + name, done); // want: command-injection via=query
}

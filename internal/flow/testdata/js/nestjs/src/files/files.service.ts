import { Injectable } from '@nestjs/common';
import * as fs from 'fs';
import axios from 'axios';

@Injectable()
export class FilesService {
  async open(file: string) {
    // Lookalike: a prefix that fixes the host.
    if (file.startsWith('https://cdn.example.com/')) {
      return (await axios.get(file)).data;
    }
    if (file.startsWith('http')) {
      const res = await axios.get(file); // want: ssrf via=query
      return res.data;
    }
    return fs.createReadStream(file); // want: path-traversal via=query
  }
}

// Asks the local run's development issuer for a Kenyan contributor's token, then lists Kenya's contingents through
// the gateway, with the client loaded from protos/ at run time. Start the suite first: dotnet run --project deploy/local
//   cd samples/node && npm install && node first-call.js [GATEWAY_GRPC_ADDRESS GATEWAY_HTTP_ADDRESS]
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const grpcAddress = process.argv[2] ?? '127.0.0.1:8080';
const httpAddress = process.argv[3] ?? 'http://127.0.0.1:8081';

async function devToken() {
  let answer;
  try {
    answer = await fetch(new URL('/dev/token?nation=KEN&role=contributor', httpAddress));
  } catch (e) {
    throw new Error(`No development issuer at ${httpAddress} (${e.cause?.code ?? e.message}). Is the local run started? dotnet run --project deploy/local`);
  }
  const body = await answer.text();
  if (!answer.ok) {
    throw new Error(`/dev/token answered ${answer.status}: ${body}`);
  }
  return body;
}

async function main() {
  const definition = protoLoader.loadSync('coordination/personnel/v1/contingents.proto', {
    includeDirs: [path.join(__dirname, '..', '..', 'protos')],
    keepCase: true,
    enums: String,
    defaults: true,
  });
  const { ContingentService } = grpc.loadPackageDefinition(definition).coordination.personnel.v1;
  const token = await devToken();
  const client = new ContingentService(grpcAddress.replace(/^https?:\/\//, '').replace(/\/$/, ''), grpc.credentials.createInsecure());
  const metadata = new grpc.Metadata();
  metadata.add('authorization', `Bearer ${token}`);

  const page = await new Promise((resolve, reject) =>
    client.listContingents({ nation_code: 'KEN' }, metadata, (error, response) => (error ? reject(error) : resolve(response))));
  console.log(`Kenya's contingents: ${page.contingents.length}`);
  for (const contingent of page.contingents) {
    console.log(`  ${contingent.name}: ${contingent.status}, ${contingent.officer_count} officers`);
  }
  client.close();
}

main().catch((error) => {
  // A gRPC error carries its status name and the message as the server wrote it.
  const status = typeof error.code === 'number' ? `${grpc.status[error.code]}: ${error.details}` : error.message;
  console.error(`ListContingents failed: ${status}`);
  process.exitCode = 1;
});

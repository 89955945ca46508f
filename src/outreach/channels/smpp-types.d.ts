// Types for the `smpp` package (0.5.x), which ships none and has no @types package. Only what the
// SMPP channel and the test SMSC use is declared; names follow the package (and so the SMPP
// specification's field names), which is why they are snake_case.
declare module 'smpp' {
  import type { EventEmitter } from 'node:events';
  import type { Server as NetServer, Socket } from 'node:net';

  namespace smpp {
    /** A short_message or message_payload as the package hands it over after decoding. */
    interface DecodedMessage {
      /** Each information element of the UDH as [IEI, length, ...data]. */
      udh?: Buffer[];
      /** Text when the data_coding is one the package knows (GSM, Latin-1, UCS-2), else bytes. */
      message: string | Buffer;
    }

    /** A string or object is encoded by the package; a Buffer is sent as is. */
    type MessageInput = string | Buffer | { udh?: Buffer; message: string | Buffer };

    interface PduFields {
      command_status?: number;
      sequence_number?: number;
      system_id?: string;
      password?: string;
      system_type?: string;
      interface_version?: number;
      addr_ton?: number;
      addr_npi?: number;
      address_range?: string;
      service_type?: string;
      source_addr_ton?: number;
      source_addr_npi?: number;
      source_addr?: string;
      dest_addr_ton?: number;
      dest_addr_npi?: number;
      destination_addr?: string;
      esm_class?: number;
      protocol_id?: number;
      priority_flag?: number;
      registered_delivery?: number;
      data_coding?: number | null;
      /** SMPP time: absolute, or relative as YYMMDDhhmmss (the package appends "000R"). */
      validity_period?: string | Date;
      message_id?: string;
      receipted_message_id?: string;
      message_state?: number;
      network_error_code?: Buffer;
    }

    interface PduOptions extends PduFields {
      short_message?: MessageInput;
      message_payload?: MessageInput;
    }

    interface Pdu extends PduFields {
      command: string;
      command_id: number;
      command_status: number;
      sequence_number: number;
      command_length: number;
      short_message?: DecodedMessage;
      message_payload?: DecodedMessage;
      isResponse(): boolean;
      response(options?: PduOptions): Pdu;
      toBuffer(): Buffer;
    }

    type ResponseCallback = (pdu: Pdu) => void;

    interface Session extends EventEmitter {
      socket: Socket;
      /** False (and no callback ever) when the socket is not writable. */
      send(pdu: Pdu, responseCallback?: ResponseCallback, sendCallback?: ResponseCallback): boolean;
      close(callback?: () => void): void;
      destroy(callback?: () => void): void;
      pause(): void;
      resume(): void;
      bind_transceiver(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      submit_sm(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      deliver_sm(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      enquire_link(options: PduOptions, responseCallback?: ResponseCallback): boolean;
      unbind(options: PduOptions, responseCallback?: ResponseCallback): boolean;
    }

    interface Server extends NetServer {
      sessions: Session[];
    }

    interface ConnectOptions {
      host?: string;
      port?: number;
      url?: string;
      tls?: boolean;
      auto_enquire_link_period?: number;
    }

    const PDU: {
      new (command: string, options?: PduOptions): Pdu;
      maxLength: number;
    };

    function connect(options: ConnectOptions, listener?: () => void): Session;
    function createServer(options: object, listener?: (session: Session) => void): Server;

    const errors: Readonly<Record<string, number>>;

    /** The package's GSM 03.38 coder (unpacked septets); `shift` 0 is the default table. */
    const gsmCoder: {
      encode(text: string, shift: number): Buffer;
      decode(septets: Buffer, shift: number): string;
    };
  }

  export = smpp;
}
